"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuthorizeMiddleware = void 0;
const transport_1 = require("./transport");
class AuthorizeMiddleware {
    tokens;
    graphOrigin;
    next;
    constructor(tokens, graphOrigin) {
        this.tokens = tokens;
        this.graphOrigin = graphOrigin;
    }
    setNext(next) {
        this.next = next;
    }
    async execute(context) {
        if (new URL(String(context.request)).origin !== this.graphOrigin) {
            await this.next.execute(context);
            return;
        }
        const token = await this.withTokens(() => this.tokens.accessToken());
        await this.send(context, token);
        if (context.response?.status === 401) {
            const fresh = await this.withTokens(() => this.tokens.refresh(token));
            await this.send(context, fresh);
        }
    }
    async withTokens(call) {
        try {
            return await call();
        }
        catch (err) {
            throw err instanceof Error ? new transport_1.ChainError(err) : err;
        }
    }
    async send(context, token) {
        const headers = new Headers(context.options?.headers);
        headers.set('Authorization', `Bearer ${token}`);
        context.options = { ...context.options, headers };
        await this.next.execute(context);
    }
}
exports.AuthorizeMiddleware = AuthorizeMiddleware;
