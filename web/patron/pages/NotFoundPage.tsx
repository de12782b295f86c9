import { PageTitle } from '../components/PageTitle';
import { useApp } from '../context';

export const NotFoundPage = () => {
  const { t } = useApp();
  return (
    <>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <p>
        <a href="#/">{t('notFound.back')}</a>
      </p>
    </>
  );
};
