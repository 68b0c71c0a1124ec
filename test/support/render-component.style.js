// A component's stylesheet import (`import './components.css'`) in the components project: styles are
// not what these tests look at (jsdom does no layout), so the import gives nothing.
module.exports = {}
