
const { startEmulator } = require('./lib/emulator');
const { createContext } = require('./spec/helpers/context');
const trigger = require('./lib/calendar/getUpcomingEvents');
(async () => {
  let now = Date.UTC(2026, 10, 30, 8, 0, 0);
  const emu = await startEmulator({ now: () => now, mailCount: 0 });
  Object.assign(process.env, { OUTLOOK_GRAPH_BASE_URL: emu.url, OUTLOOK_LOGIN_BASE_URL: emu.url, MSAPP_CLIENT_ID: 'emulator-client-id', MSAPP_CLIENT_SECRET: 'emulator-client-secret' });
  const cfg = { oauth: emu.control.issueTokens(), tenantId: 'common', timeZone: 'Europe/Berlin' };
  let snapshot = {};
  const poll = async () => {
    const ctx = createContext();
    await trigger.process.call(ctx, {}, cfg, snapshot);
    snapshot = ctx.emitted('snapshot').pop() || snapshot;
    console.log(new Date(now).toISOString(), ctx.emitted('data').map((d) => `${d.body.subject} ${d.body.startsAt} ${d.body.minutesToStart} ${d.body.late}`), ctx.logs.filter(l=>l.level!=='debug').map(l=>l.message), JSON.stringify(snapshot).length);
  };
  emu.control.addEvent({ subject: 'A', start: { dateTime: '2026-11-30T08:10:00', timeZone: 'UTC' }, end: { dateTime: '2026-11-30T08:40:00', timeZone: 'UTC' }, createdAt: now - 1e6 });
  await poll();
  for (let i = 0; i < 40; i++) { now += 60000; if (i === 5) emu.control.addEvent({ subject: 'B', start: { dateTime: '2026-11-30T08:30:00', timeZone: 'UTC' }, end: { dateTime: '2026-11-30T08:40:00', timeZone: 'UTC' }, createdAt: now - 1e5 }); await poll(); }
  await emu.close();
})();
