// A compiled page loads in seconds on a busy 2-core machine; what a test asserts is what the page
// shows, not how fast: waits are bounded by until(...) in the tests, not by jest's default 5 s.
jest.setTimeout(60000);
