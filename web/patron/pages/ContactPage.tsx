import { PageTitle } from '../components/PageTitle';
import { useApp } from '../context';
import { ContactForm } from './contact/ContactForm';
import { PasswordForm } from './contact/PasswordForm';

/** 連絡先変更: the notice address and method, and the password. */
export const ContactPage = () => {
  const { t } = useApp();
  return (
    <>
      <PageTitle>{t('contact.title')}</PageTitle>
      <div class="stack">
        <ContactForm />
        <PasswordForm />
      </div>
    </>
  );
};
