/** microsoft.graph.mailFolder and microsoft.graph.calendar: small, listed in creation order. */
import type { EntityDef } from './entity';
import type { Calendar, Folder } from './model';
import { recipient } from './recipients';

const FOLDER_PROPERTIES: EntityDef<Folder>['properties'] = {
  id: (f) => f.id,
  displayName: (f) => f.displayName,
  parentFolderId: (f) => f.parentFolderId,
  childFolderCount: (f) => f.childIds.length,
  unreadItemCount: (f) => f.unreadItemCount,
  totalItemCount: (f) => f.totalItemCount,
  isHidden: (f) => f.isHidden,
};

export const MAIL_FOLDER: EntityDef<Folder> = {
  type: 'mailFolder',
  properties: FOLDER_PROPERTIES,
  defaults: Object.keys(FOLDER_PROPERTIES),
  filterable: {
    displayName: { kind: 'string', get: (f) => f.displayName },
    isHidden: { kind: 'boolean', get: (f) => f.isHidden },
  },
  sortable: { seq: (f) => f.seq, displayName: (f) => f.displayName.toLowerCase() },
  defaultOrder: { key: 'seq', desc: false },
  orderByMustLeadFilter: false,
};

const CALENDAR_PROPERTIES: EntityDef<Calendar>['properties'] = {
  id: (c) => c.id,
  name: (c) => c.name,
  color: (c) => c.color,
  hexColor: (c) => c.hexColor,
  isDefaultCalendar: (c) => c.isDefaultCalendar,
  changeKey: (c) => c.changeKey,
  canShare: () => true,
  canViewPrivateItems: () => true,
  canEdit: () => true,
  allowedOnlineMeetingProviders: () => ['teamsForBusiness'],
  defaultOnlineMeetingProvider: () => 'teamsForBusiness',
  isTallyingResponses: (c) => c.isDefaultCalendar,
  isRemovable: (c) => !c.isDefaultCalendar,
  owner: (c) => recipient(c.owner).emailAddress,
};

export const CALENDAR: EntityDef<Calendar> = {
  type: 'calendar',
  properties: CALENDAR_PROPERTIES,
  defaults: Object.keys(CALENDAR_PROPERTIES),
  odataId: (c) => `calendars('${c.id}')`,
  filterable: { name: { kind: 'string', get: (c) => c.name } },
  sortable: { seq: (c) => c.seq, name: (c) => c.name.toLowerCase() },
  defaultOrder: { key: 'seq', desc: false },
  orderByMustLeadFilter: false,
};
