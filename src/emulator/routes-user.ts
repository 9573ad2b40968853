/** The user object itself (/me, /users/{id}). */
import { USER } from './entity-user';
import { graphJson } from './http';
import { render } from './entity';
import type { GraphHandler, GraphRoute } from './graph-request';
import { parseSelect } from './odata';

const getUser: GraphHandler = (req) => {
  const select = parseSelect(USER, req.params.get('$select'));
  return graphJson(200, {
    '@odata.context': `${req.world.baseUrl}/v1.0/$metadata#users${select ? `(${select.join(',')})` : ''}/$entity`,
    ...render(USER, req.mailbox.user, req.render, select),
  });
};

export const USER_ROUTES: readonly GraphRoute[] = [
  { method: 'GET', pattern: '', handler: getUser, permission: 'User' },
];
