"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.USER_ROUTES = void 0;
/** The user object itself (/me, /users/{id}). */
const entity_user_1 = require("./entity-user");
const http_1 = require("./http");
const entity_1 = require("./entity");
const odata_1 = require("./odata");
const getUser = (req) => {
    const select = (0, odata_1.parseSelect)(entity_user_1.USER, req.params.get('$select'));
    return (0, http_1.graphJson)(200, {
        '@odata.context': `${req.world.baseUrl}/v1.0/$metadata#users${select ? `(${select.join(',')})` : ''}/$entity`,
        ...(0, entity_1.render)(entity_user_1.USER, req.mailbox.user, req.render, select),
    });
};
exports.USER_ROUTES = [
    { method: 'GET', pattern: '', handler: getUser, permission: 'User' },
];
