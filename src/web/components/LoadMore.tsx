/** Under a paged list: how many rows are shown of how many, and a button for the next page while one exists. */
import { useTranslation } from 'react-i18next';
import { Button, Space, Typography } from 'antd';
import type { PagedState } from '../lib/usePaged.ts';

/** Props: the paged list state. */
export function LoadMore<T>({ list, testId = 'load-more' }: { list: PagedState<T>; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Space className="s-load-more" data-testid={`${testId}-bar`}>
      <Typography.Text type="secondary" data-testid={`${testId}-count`}>
        {t('paging.shown', { shown: list.items.length, total: list.total })}
      </Typography.Text>
      {list.hasMore && (
        <Button onClick={list.loadMore} loading={list.loading} data-testid={testId}>
          {t('paging.more')}
        </Button>
      )}
    </Space>
  );
}
