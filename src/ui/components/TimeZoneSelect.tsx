import { useId, useMemo } from 'react';

const zones = (): string[] => {
  const all = (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return all.includes('UTC') ? all : ['UTC', ...all];
};

export const TimeZoneSelect = ({ label, value, onChange }: { label: string; value: string; onChange: (tz: string) => void }) => {
  const id = useId();
  const options = useMemo(() => {
    const list = zones();
    return list.includes(value) ? list : [value, ...list];
  }, [value]);
  return (
    <p className="field">
      <label htmlFor={id}>{label}</label>{' '}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((z) => <option key={z} value={z}>{z}</option>)}
      </select>
    </p>
  );
};
