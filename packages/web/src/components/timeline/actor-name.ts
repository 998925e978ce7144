import type { ActorNameFragment } from '../../api/__generated__/graphql.js';

/** Who did something, by name: a user, machine user or customer; 'System' for the system. */
export function actorName(actor: ActorNameFragment): string {
  switch (actor.__typename) {
    case 'UserActor':
      return actor.user.fullName;
    case 'MachineUserActor':
      return actor.machineUser.fullName;
    case 'CustomerActor':
      return actor.customer.fullName;
    case 'DeletedCustomerActor':
      return 'Deleted customer';
    case 'SystemActor':
      return 'System';
  }
}

/** Whether the customer (not the workspace) did it: their messages are drawn on the other side. */
export function isCustomerActor(actor: ActorNameFragment): boolean {
  return actor.__typename === 'CustomerActor' || actor.__typename === 'DeletedCustomerActor';
}
