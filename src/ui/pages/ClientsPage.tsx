import { useT } from '../i18n/use-t';

/** The clients page (being built: see the issue that owns it). */
export const ClientsPage = () => {
  const t = useT();
  return (
    <section>
      <h1>{t('nav.clients')}</h1>
    </section>
  );
};
