// One post of the timeline with its replies: who wrote it and when, 至急 and who acknowledged it,
// who it is addressed to, how many have read it, and what the reader may do with it.
import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keyPersonRelations } from '../../../shared/patients';
import type { TeamDetail, TeamPost } from '../../../shared/schemas/teams';
import { teamRoles } from '../../../shared/teams';
import { api } from '../../api';
import { Attachments } from '../../ui/Attachments';
import { DateText } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useLabel } from '../../ui/labels';
import { Composer } from './Composer';
import { EditPostDialog } from './EditPostDialog';
import { ReceiptsDialog, RetractDialog } from './PostDialogs';
import { StructuredPost } from './StructuredPost';
import { teamPath, useTeamMutation } from './use-team';
import './i18n';

type Dialog = 'receipts' | 'edit' | 'retract' | null;

function PostBody({
  team,
  post,
  readers,
}: {
  team: TeamDetail;
  post: TeamPost | TeamPost['replies'][number];
  readers: number;
}) {
  const { t } = useTranslation('teams');
  const label = useLabel();
  const [dialog, setDialog] = useState<Dialog>(null);
  const mine = post.author.userId === team.me.userId;
  // The platform's own notice (救急隊が閲覧しました …): no author, nobody's to edit.
  const notice = post.kind === 'notice';
  const acknowledge = useTeamMutation(team.id, () =>
    api.post(teamPath(team.id, `/posts/${post.id}/acknowledge`)),
  );
  const ackedByMe = post.acknowledgements.some((a) => a.userId === team.me.userId);
  const open = team.status === 'open';
  const full = { ...post, replies: [] } as TeamPost;
  return (
    <Stack gap={6}>
      <Group gap="xs" wrap="wrap">
        {post.urgent && (
          <Badge color="red" variant="filled" size="lg">
            {t('post.urgent')}
          </Badge>
        )}
        <Text fw={700}>{notice ? t('post.notice') : post.author.displayName}</Text>
        <Text size="sm">
          {notice
            ? t('post.noticeBy')
            : post.author.familyRelation
              ? t('post.family', { relation: label(keyPersonRelations, post.author.familyRelation) })
              : t('post.by', {
                  organisation: post.author.organisationName ?? '',
                  role: post.author.teamRole ? label(teamRoles, post.author.teamRole) : '',
                })}
        </Text>
        {post.forFamily && (
          <Badge color="grape" variant="light">
            {t('post.forFamily')}
          </Badge>
        )}
        <Text size="sm" c="dimmed">
          <DateText value={post.createdAt} time />
          {post.editedAt && `（${t('post.edited')}）`}
        </Text>
      </Group>
      {post.mentions.length > 0 && (
        <Text size="sm">{t('post.to', { names: post.mentions.map((m) => m.displayName).join('、') })}</Text>
      )}
      {post.retracted ? (
        <Text fs="italic" c="dimmed">
          {t('post.retracted', { reason: post.retracted.reason })}
        </Text>
      ) : (
        <>
          <StructuredPost kind={post.kind} vitals={post.vitals} visitReport={post.visitReport} />
          {post.body && (
            <Text className="pre-line" size="lg">
              {post.body}
            </Text>
          )}
          <Attachments
            files={post.attachments}
            urlOf={(file) => teamPath(team.id, `/posts/${post.id}/files/${file.id}`)}
          />
        </>
      )}
      {post.urgent && !post.retracted && (
        <Text size="sm">
          {post.acknowledgements.length
            ? t('post.acknowledgedBy', { names: post.acknowledgements.map((a) => a.displayName).join('、') })
            : t('post.notAcknowledged')}
        </Text>
      )}
      <Group gap="xs">
        {mine ? (
          <Anchor component="button" type="button" size="sm" onClick={() => setDialog('receipts')}>
            {t('post.readCount', { count: post.readCount, total: readers })}
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed">
            {post.readByMe ? t('post.readMine') : ''}
          </Text>
        )}
        {post.urgent && !mine && !ackedByMe && !post.retracted && (
          <Button
            size="xs"
            color="red"
            loading={acknowledge.isPending}
            onClick={() => acknowledge.mutate(undefined)}
          >
            {t('post.acknowledge')}
          </Button>
        )}
        {mine && open && !post.retracted && (
          <>
            <Button size="xs" variant="default" onClick={() => setDialog('edit')}>
              {t('post.edit')}
            </Button>
            <Button size="xs" variant="default" color="red" onClick={() => setDialog('retract')}>
              {t('post.retract')}
            </Button>
          </>
        )}
      </Group>
      <ErrorAlert error={acknowledge.error} />
      {dialog === 'receipts' && (
        <ReceiptsDialog teamId={team.id} post={full} onClose={() => setDialog(null)} />
      )}
      {dialog === 'edit' && <EditPostDialog teamId={team.id} post={full} onClose={() => setDialog(null)} />}
      {dialog === 'retract' && <RetractDialog teamId={team.id} post={full} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

export function PostCard({ team, post, readers }: { team: TeamDetail; post: TeamPost; readers: number }) {
  const { t } = useTranslation('teams');
  const [replying, setReplying] = useState(false);
  return (
    <Card
      component="article"
      withBorder
      padding="md"
      aria-label={
        post.urgent
          ? `${t('post.urgent')}: ${post.author.displayName}`
          : post.author.displayName || t('post.notice')
      }
      className={post.urgent && !post.retracted ? 'post-urgent' : undefined}
      data-post-id={post.id}
    >
      <PostBody team={team} post={post} readers={readers} />
      {post.replies.length > 0 && (
        <Stack
          component="ul"
          gap="sm"
          mt="md"
          pl="md"
          className="post-replies"
          aria-label={t('post.replies', { count: post.replies.length })}
        >
          {post.replies.map((reply) => (
            <li key={reply.id} data-post-id={reply.id}>
              <PostBody team={team} post={{ ...reply, replies: [] }} readers={readers} />
            </li>
          ))}
        </Stack>
      )}
      {team.status === 'open' && !post.retracted && (
        <div className="post-reply">
          {replying ? (
            <Composer team={team} replyTo={post} onPosted={() => setReplying(false)} />
          ) : (
            <Button size="xs" variant="subtle" mt="xs" onClick={() => setReplying(true)}>
              {t('composer.reply')}
            </Button>
          )}
        </div>
      )}
    </Card>
  );
}
