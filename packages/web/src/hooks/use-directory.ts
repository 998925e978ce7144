import { useQuery } from '@tanstack/react-query';
import { DirectoryDocument } from '../api/__generated__/graphql.js';
import { request } from '../api/client.js';

/** The workspace's users, active label types and thread field schemas: what pickers and filters offer. */
export function useDirectory() {
  const query = useQuery({ queryKey: ['directory'], queryFn: () => request(DirectoryDocument) });
  return {
    users: query.data?.users.edges.map((e) => e.node) ?? [],
    labelTypes: query.data?.labelTypes.edges.map((e) => e.node) ?? [],
    fieldSchemas: query.data?.threadFieldSchemas.edges.map((e) => e.node) ?? [],
    isLoading: query.isLoading,
  };
}
