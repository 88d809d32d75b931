import type { ChannelActivity } from '../../../engine/consumption/types';
import { formatNumber } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';

/** Inbound and outbound per channel and service (WhatsApp numbers, SMS senders, trunks…). */
export const ChannelTable = ({ channels }: { channels: ChannelActivity[] }) => {
  const t = useT();
  const locale = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  return (
    <section className="panel" aria-labelledby="channels-title">
      <h2 id="channels-title">{t('channels.title')}</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('channels.channel')}</th>
              <th scope="col">{t('channels.service')}</th>
              <th scope="col" className="num">{t('channels.inbound')}</th>
              <th scope="col" className="num">{t('channels.outbound')}</th>
              <th scope="col" className="num">{t('channels.total')}</th>
            </tr>
          </thead>
          <tbody>
            {channels.map((c) => (
              <tr key={c.channel + c.kind}>
                <th scope="row">{c.channel || t('channels.noChannel')}</th>
                <td>{t(`kind.${c.kind}`)}</td>
                <td className="num">{n(c.inbound)}</td>
                <td className="num">{n(c.outbound)}</td>
                <td className="num">{n(c.inbound + c.outbound + c.other)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
};
