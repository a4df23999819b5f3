/** A progress note with photos; internal unless marked as a reply to the public (residents, Open311). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Checkbox, Input, Typography } from 'antd';
import type { UploadFile } from 'antd';
import { casesApi } from '../../../../api/cases.ts';
import { useSubmit } from '../../../../lib/useSubmit.ts';
import { filesOf } from './actions.ts';
import { PhotoUpload } from './PhotoUpload.tsx';

/** Props: the case id and what happens after a note was added. */
export function NoteForm({ id, onDone }: { id: string; onDone(): void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  // Internal unless the author marks it as a reply to the public (residents, Open311 status_notes).
  const [reply, setReply] = useState(false);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const { busy, error, run } = useSubmit();
  const send = async () => {
    if (!(await run(() => casesApi.note(id, note.trim(), filesOf(files), reply)))) return;
    setNote('');
    setReply(false);
    setFiles([]);
    onDone();
  };
  return (
    <Card size="small" title={t('cases.staff.progressNote')}>
      <Input.TextArea
        rows={2}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        data-testid="progress-note"
      />
      <Checkbox
        className="cs-gap"
        checked={reply}
        onChange={(e) => setReply(e.target.checked)}
        data-testid="progress-note-public"
      >
        {t('cases.staff.publicReply')}
      </Checkbox>
      <div>
        <Typography.Text type="secondary">
          {reply ? t('cases.staff.publicReplyHint') : t('cases.staff.internalNoteHint')}
        </Typography.Text>
      </div>
      <PhotoUpload className="cs-gap" files={files} onChange={setFiles} />
      {error && <Alert type="error" showIcon title={error} className="cs-gap" />}
      <Button onClick={() => void send()} loading={busy} disabled={!note.trim()}>
        {t('cases.staff.addNote')}
      </Button>
    </Card>
  );
}
