/**
 * A resident's notices (phone, plain React, elder mode through the shared classes): newest first, urgent ones
 * marked in words and colour; opening one shows its text and marks the household read.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTime } from '../../lib/format.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { noticesApi, type MyNotice } from '../care/api.ts';

function Item({ n, onRead }: { n: MyNotice; onRead: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const toggle = () => {
    setOpen(!open);
    if (!open && !n.read) void noticesApi.read(n.id).then(onRead, () => undefined);
  };
  return (
    <li className="card" data-testid="my-notice" data-read={n.read ? 'yes' : 'no'}>
      <button type="button" className="btn btn-block" aria-expanded={open} onClick={toggle}>
        {n.urgent && <b className="r-urgent">⚡ {t('care.notices.urgent')} </b>}
        {!n.read && <span className="r-state">● {t('care.notices.unread')} </span>}
        {n.title}
      </button>
      {open && (
        <>
          <p className="para" data-testid="my-notice-body">
            {n.body}
          </p>
          <p className="para muted">{t('care.notices.from', { sender: n.senderName, time: dateTime(n.sentAt) })}</p>
        </>
      )}
    </li>
  );
}

/** The page. */
export default function ResidentNotices() {
  const { t } = useTranslation();
  const mine = useAsync(() => noticesApi.mine(), []);
  return (
    <div data-testid="my-notices">
      <h1 className="r-hello">{t('care.notices.mine')}</h1>
      {mine.error && <p className="alert alert-error">{mine.error.message}</p>}
      {mine.data && mine.data.items.length === 0 && <p className="para">{t('care.notices.mineEmpty')}</p>}
      <ul className="c-list">
        {mine.data?.items.map((n) => (
          <Item key={n.id} n={n} onRead={() => undefined} />
        ))}
      </ul>
    </div>
  );
}
