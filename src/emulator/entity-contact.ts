/** microsoft.graph.contact, with the many empty fields Outlook returns for a sparse contact. */
import { dateTimeLiteral } from '../graph/odata';
import { weakEtag } from './entity';
import type { EntityDef } from './entity';
import type { StoredContact } from './model';

export const CONTACT_SORT_KEYS = {
  createdDateTime: (c: StoredContact) => c.createdAt,
  lastModifiedDateTime: (c: StoredContact) => c.lastModifiedAt,
  displayName: (c: StoredContact) => c.displayName.toLowerCase(),
  givenName: (c: StoredContact) => c.givenName.toLowerCase(),
  surname: (c: StoredContact) => c.surname.toLowerCase(),
};

const none = (): null => null;
const emptyList = (): [] => [];
const emptyAddress = (): Record<string, never> => ({});

const PROPERTIES: EntityDef<StoredContact>['properties'] = {
  id: (c) => c.id,
  createdDateTime: (c) => dateTimeLiteral(c.createdAt),
  lastModifiedDateTime: (c) => dateTimeLiteral(c.lastModifiedAt),
  changeKey: (c) => c.changeKey,
  categories: (c) => [...c.categories],
  parentFolderId: (c) => c.parentFolderId,
  birthday: none,
  fileAs: (c) => `${c.surname}, ${c.givenName}`,
  displayName: (c) => c.displayName,
  givenName: (c) => c.givenName,
  initials: none,
  middleName: none,
  nickName: none,
  surname: (c) => c.surname,
  title: none,
  yomiGivenName: none,
  yomiSurname: none,
  yomiCompanyName: none,
  generation: none,
  imAddresses: emptyList,
  jobTitle: (c) => c.jobTitle,
  companyName: (c) => c.companyName,
  department: none,
  officeLocation: none,
  profession: none,
  businessHomePage: none,
  assistantName: none,
  manager: none,
  homePhones: emptyList,
  mobilePhone: (c) => c.mobilePhone,
  businessPhones: (c) => [...c.businessPhones],
  spouseName: none,
  personalNotes: () => '',
  children: emptyList,
  emailAddresses: (c) => c.emailAddresses.map((e) => ({ ...e })),
  homeAddress: emptyAddress,
  businessAddress: emptyAddress,
  otherAddress: emptyAddress,
};

export const CONTACT: EntityDef<StoredContact> = {
  type: 'contact',
  properties: PROPERTIES,
  defaults: Object.keys(PROPERTIES),
  etag: (c) => weakEtag(c.changeKey),
  filterable: {
    createdDateTime: { kind: 'datetime', get: (c) => c.createdAt },
    lastModifiedDateTime: { kind: 'datetime', get: (c) => c.lastModifiedAt },
    displayName: { kind: 'string', get: (c) => c.displayName },
    givenName: { kind: 'string', get: (c) => c.givenName },
    surname: { kind: 'string', get: (c) => c.surname },
  },
  sortable: CONTACT_SORT_KEYS,
  defaultOrder: { key: 'displayName', desc: false },
  visibleFrom: 'createdDateTime',
  orderByMustLeadFilter: false,
};
