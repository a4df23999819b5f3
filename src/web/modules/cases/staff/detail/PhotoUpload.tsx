/** Up to 6 photos picked for upload (kept in the browser until the form is sent), shown as picture cards. */
import { useTranslation } from 'react-i18next';
import { Upload } from 'antd';
import type { UploadFile } from 'antd';

const MAX = 6;

/** Props: the picked files, how they change, and an optional class for spacing. */
export function PhotoUpload({
  files,
  onChange,
  className,
}: {
  files: UploadFile[];
  onChange(files: UploadFile[]): void;
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <Upload
      className={className}
      listType="picture-card"
      accept="image/*"
      multiple
      fileList={files}
      beforeUpload={() => false}
      onChange={(i) => onChange(i.fileList.slice(0, MAX))}
    >
      {files.length < MAX && <span>＋ {t('cases.staff.addPhoto')}</span>}
    </Upload>
  );
}
