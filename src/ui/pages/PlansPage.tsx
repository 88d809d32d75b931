import { useEffect } from 'react';
import { useAppStore } from '../app/store-context';
import { PlanEditor } from '../features/plans/PlanEditor';
import { PlanLibrary } from '../features/plans/PlanLibrary';
import { useT } from '../i18n/use-t';

export const PlansPage = () => {
  const t = useT();
  const editing = useAppStore((s) => s.draft !== null);
  const loadPlans = useAppStore((s) => s.loadPlans);
  useEffect(() => { void loadPlans(); }, [loadPlans]);
  return (
    <div className="page">
      <h1>{t('plans.title')}</h1>
      <p className="lead">{t('plans.lead')}</p>
      {editing ? <PlanEditor /> : <PlanLibrary />}
    </div>
  );
};
