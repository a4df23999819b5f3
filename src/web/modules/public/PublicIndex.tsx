/** `/public`: what this site publishes without login, and where to sign in. */
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router.tsx';

/** The public landing page. */
export default function PublicIndex() {
  const { t } = useTranslation();
  return (
    <section className="card">
      <h2>{t('public.title')}</h2>
      <p>{t('public.intro')}</p>
      <Link to="/login">{t('public.signIn')}</Link>
    </section>
  );
}
