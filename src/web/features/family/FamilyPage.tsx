// `/family` — a family member's page: the messages the team shares with the family, and writing to
// the team. Checked again every half minute (family members have no live stream).
import { zodResolver } from '@hookform/resolvers/zod';
import { Anchor, Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { keyPersonRelations } from '../../../shared/patients';
import { type FamilyHome, type FamilyPost, familyPostRequest } from '../../../shared/schemas/family';
import { teamRoles } from '../../../shared/teams';
import { api, isApiError } from '../../api';
import { Attachments } from '../../ui/Attachments';
import { DateText } from '../../ui/DateText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { useLabel } from '../../ui/labels';
import { NoticeAlert } from '../../ui/NoticeAlert';
import { PageTitle } from '../../ui/PageTitle';
import { StructuredPost } from '../teams/StructuredPost';
import './i18n';

const familyHomeKey = ['family', 'home'] as const;

function Message({ post }: { post: FamilyPost | FamilyPost['replies'][number] }) {
  const { t } = useTranslation('family');
  const label = useLabel();
  const { author } = post;
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text fw={700}>{author.displayName}</Text>
        <Text size="sm">
          {author.familyRelation
            ? t('page.you', { relation: label(keyPersonRelations, author.familyRelation) })
            : t('page.by', {
                organisation: author.organisationName ?? '',
                role: author.teamRole ? label(teamRoles, author.teamRole) : '',
              })}
        </Text>
        <Text size="sm" c="dimmed">
          <DateText value={post.createdAt} time />
        </Text>
      </Group>
      {!post.retracted && (
        <StructuredPost kind={post.kind} vitals={post.vitals} visitReport={post.visitReport} />
      )}
      {(post.retracted || post.body) && (
        <Text size="lg" className="pre-line">
          {post.retracted ? t('page.retracted') : post.body}
        </Text>
      )}
      <Attachments
        files={post.attachments}
        urlOf={(file) =>
          `/api/family/posts/${encodeURIComponent(post.id)}/files/${encodeURIComponent(file.id)}`
        }
      />
    </Stack>
  );
}

function WriteForm() {
  const { t } = useTranslation('family');
  const client = useQueryClient();
  const form = useForm<{ body: string }>({
    resolver: zodResolver(familyPostRequest),
    defaultValues: { body: '' },
  });
  const send = useMutation({
    mutationFn: ({ body }: { body: string }) => api.post('/api/family/posts', { body }),
    onSuccess: () => {
      form.reset({ body: '' });
      void client.invalidateQueries({ queryKey: familyHomeKey });
    },
  });
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => send.mutate(values))}>
      <Stack>
        <Textarea
          label={t('page.write')}
          description={t('page.writeHint')}
          size="lg"
          autosize
          minRows={3}
          error={form.formState.errors.body?.message}
          {...form.register('body')}
        />
        <NoticeAlert message={send.isSuccess && t('page.sent')} />
        <ErrorAlert error={send.error} shownPaths={['body']} />
        <Group>
          <Button type="submit" size="lg" loading={send.isPending}>
            {t('page.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export default function FamilyPage() {
  const { t } = useTranslation('family');
  const navigate = useNavigate();
  const home = useQuery({
    queryKey: familyHomeKey,
    queryFn: () => api.get<FamilyHome>('/api/family/home'),
    refetchInterval: 30_000,
    retry: false,
  });
  const leave = useMutation({
    mutationFn: () => api.post('/api/family/logout'),
    onSuccess: () => navigate('/family/join', { replace: true }),
  });
  if (home.isPending) return <Loading />;
  if (!home.data)
    return (
      <Stack>
        <ErrorAlert error={home.error} />
        {isApiError(home.error) && home.error.status === 401 && (
          <Anchor component={Link} to="/family/join" size="lg">
            {t('page.toJoin')}
          </Anchor>
        )}
      </Stack>
    );
  const { data } = home;
  return (
    <Stack gap="lg">
      <div>
        <PageTitle title={t('page.title', { name: data.patientName })} />
        <Text size="lg">{t('page.hello', { name: data.name })}</Text>
        <Text>{t('page.lead')}</Text>
      </div>
      {data.teamOpen ? <WriteForm /> : <Badge color="gray">{t('page.closed')}</Badge>}
      {data.posts.length === 0 ? (
        <Text size="lg">{t('page.none')}</Text>
      ) : (
        <Stack component="ul" gap="md" className="plain-list">
          {data.posts.map((post) => (
            <Card key={post.id} component="li" withBorder padding="md">
              <Message post={post} />
              {post.replies.length > 0 && (
                <Stack component="ul" gap="sm" mt="md" pl="md" className="post-replies">
                  {post.replies.map((reply) => (
                    <li key={reply.id}>
                      <Message post={reply} />
                    </li>
                  ))}
                </Stack>
              )}
            </Card>
          ))}
        </Stack>
      )}
      <div>
        <Button variant="default" onClick={() => leave.mutate()} loading={leave.isPending}>
          {t('page.leave')}
        </Button>
      </div>
    </Stack>
  );
}
