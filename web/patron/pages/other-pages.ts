// Every page but the search, as one chunk (web/patron/lazy-page.tsx): with one split point the
// first load needs app.js and a single chunk of code it shares with these pages.
export { BasketPage } from './BasketPage';
export { ContactPage } from './ContactPage';
export { LoginPage } from './LoginPage';
export { PasswordPage } from './PasswordPage';
export { StatusPage } from './StatusPage';
export { TitlePage } from './TitlePage';
