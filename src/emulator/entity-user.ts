/** microsoft.graph.user, the default property set /me returns. */
import type { EntityShape } from './entity';
import type { User } from './model';

const PROPERTIES: EntityShape<User>['properties'] = {
  id: (u) => u.id,
  businessPhones: (u) => [...u.businessPhones],
  displayName: (u) => u.displayName,
  givenName: (u) => u.givenName,
  jobTitle: (u) => u.jobTitle,
  mail: (u) => u.mail,
  mobilePhone: (u) => u.mobilePhone,
  officeLocation: (u) => u.officeLocation,
  preferredLanguage: (u) => u.preferredLanguage,
  surname: (u) => u.surname,
  userPrincipalName: (u) => u.userPrincipalName,
};

export const USER: EntityShape<User> = {
  type: 'user',
  properties: PROPERTIES,
  defaults: Object.keys(PROPERTIES),
};
