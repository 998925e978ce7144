/** The same PostgreSQL URL pointing at another database. */
export function databaseUrlWith(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A URL for creating and dropping databases: the server's `postgres` database. */
export function adminConnectionString(databaseUrl: string): string {
  return databaseUrlWith(databaseUrl, 'postgres');
}
