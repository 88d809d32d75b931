import { useState } from 'react';
import type { PlanIssue } from '../../../worker/types';
import { useAppStore } from '../../app/store-context';
import { downloadText } from '../../components/download';
import { TextFileButton } from '../../components/TextFileButton';
import { useT } from '../../i18n/use-t';
import { useIssueText } from '../../i18n/issue-text';
import { contractFileName, emptyDraft, jsonToDraft, type ContractDraft } from './contract-draft';
import { ContractForm } from './ContractForm';

/** Saved contracts (edit, delete, export), a new one, or one imported from a `tarifa.contract/1` file. */
export const ContractsPanel = ({ clients }: { clients: { key: string; label: string }[] }) => {
  const t = useT();
  const issueText = useIssueText();
  const contracts = useAppStore((s) => s.contracts);
  const notice = useAppStore((s) => s.clientsNotice);
  const save = useAppStore((s) => s.saveContract);
  const remove = useAppStore((s) => s.deleteContract);
  const importFile = useAppStore((s) => s.importContractFile);
  const [editing, setEditing] = useState<{ id: string | null; draft: ContractDraft; n: number } | null>(null);
  const [importIssues, setImportIssues] = useState<PlanIssue[]>([]);
  const contractNotice = notice && notice.kind.startsWith('contract-') ? notice : null;

  return (
    <section className="panel" aria-labelledby="profit-contracts-title">
      <h2 id="profit-contracts-title">{t('profit.contracts.title')}</h2>
      {contracts.length === 0 && !editing && <p>{t('profit.contracts.none')}</p>}
      {contracts.length > 0 && (
        <ul className="contracts">
          {contracts.map((c) => (
            <li key={c.id} className="toolbar">
              <strong>{c.name}</strong>
              <button type="button" className="secondary" aria-label={`${t('profit.contracts.edit')} ${c.name}`}
                onClick={() => setEditing({ id: c.id, draft: jsonToDraft(c.json), n: Date.now() })}>{t('profit.contracts.edit')}</button>
              <button type="button" className="secondary" aria-label={`${t('profit.contracts.export')} ${c.name}`}
                onClick={() => downloadText(`${JSON.stringify(c.json, null, 2)}\n`, contractFileName(c.name), 'application/json')}>{t('profit.contracts.export')}</button>
              <button type="button" className="secondary" aria-label={`${t('profit.contracts.delete')} ${c.name}`}
                onClick={() => { if (editing?.id === c.id) setEditing(null); void remove(c.id); }}>{t('profit.contracts.delete')}</button>
            </li>
          ))}
        </ul>
      )}
      <div className="toolbar">
        <button type="button" onClick={() => setEditing({ id: null, draft: emptyDraft(clients[0]?.key ?? ''), n: Date.now() })}>{t('profit.contracts.new')}</button>
        <TextFileButton label={t('profit.contracts.import')} accept=".json,application/json"
          onText={async (name, text) => setImportIssues(await importFile(name, text))} />
      </div>
      {importIssues.length > 0 && (
        <div className="panel error" role="alert">
          <p>{t('profit.form.issues')}</p>
          <ul>{importIssues.map((i) => <li key={i.path + i.message}><code>{i.path}</code>: {issueText(i)}</li>)}</ul>
        </div>
      )}
      {contractNotice && (
        <p className="panel notice" role="status">{t(`profit.contracts.${contractNotice.kind.slice('contract-'.length) as 'saved' | 'deleted' | 'imported'}`, { name: contractNotice.name })}</p>
      )}
      {editing && (
        <ContractForm
          key={editing.n}
          initial={editing.draft}
          editing={editing.id !== null}
          clients={clients}
          onCancel={() => setEditing(null)}
          onSave={async (json) => {
            const issues = await save(json, editing.id ?? undefined);
            if (issues.length === 0) setEditing(null);
            return issues;
          }}
        />
      )}
    </section>
  );
};
