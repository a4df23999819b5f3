/** A person's care tags as small labels (shared by the care pages). */
import { useTranslation } from 'react-i18next';
import { Tag } from 'antd';

/** The tags of a person as small labels. */
export function CareTags({ tags }: { tags: string[] }) {
  const { t } = useTranslation();
  return (
    <>
      {tags.map((x) => (
        <Tag key={x} color={x === '独居老人' ? 'volcano' : 'blue'}>
          {t(`care.tags.${x}`, { defaultValue: x })}
        </Tag>
      ))}
    </>
  );
}
