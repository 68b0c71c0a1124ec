// What a test asserts is behaviour, not speed (npm run bench measures speed): a generous bound keeps
// a busy machine from failing a gateway test that would pass a moment later.
jest.setTimeout(30000);
