// `/patients/:patientId/emergency/print` — the kit on paper, black on white: the A4 sheet for the
// refrigerator (the sheet's items and the wishes of the current 人生会議 record, with the dates), and —
// right after a kit is issued — a second page with the card (QR code and number) and the two stickers,
// one for the refrigerator door and one for the inside of the front door. The card's token comes from
// the issue in memory only (issued-card.ts), never from a URL; the platform cannot show it again.
import { Alert, Anchor, Group, Stack } from '@mantine/core';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../../shared/dates';
import type { EmergencySheetView, KitIssued } from '../../../shared/schemas/emergency';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormSheetSections, shownValue } from '../../ui/FormSheet';
import { Loading } from '../../ui/Loading';
import { PrintButton } from '../../ui/PrintButton';
import { forgetIssuedCard, issuedCard } from './issued-card';
import { useEmergency } from './use-emergency';
import { orderedWishFields } from './WishesList';
import './i18n';
import './kit-print.css';

/** What the card's QR code opens: the token after '#', which browsers never send to a server. */
export const cardUrl = (token: string) => `${window.location.origin}/e#${token}`;

export default function PrintKitPage() {
  const { t } = useTranslation('emergency');
  const { patientId = '' } = useParams();
  const [card] = useState(issuedCard);
  useEffect(() => forgetIssuedCard, []);
  const sheet = useEmergency(patientId);
  if (sheet.isPending) return <Loading />;
  if (!sheet.data) return <ErrorAlert error={sheet.error} />;
  const view = sheet.data;
  return (
    <Stack gap="md">
      <Group className="no-print">
        <PrintButton />
        <Anchor component={Link} to={`/patients/${patientId}/emergency`}>
          {t('print.back')}
        </Anchor>
      </Group>
      {!card && (
        <Alert color="blue" className="no-print">
          {t('print.cardsNote')}
        </Alert>
      )}
      <KitSheet view={view} />
      {card && <CardPage card={card} />}
    </Stack>
  );
}

function KitSheet({ view }: { view: EmergencySheetView }) {
  const { t } = useTranslation('emergency');
  const values = view.current?.values ?? view.prefill;
  const wishes = view.wishes;
  return (
    <article className="form-print" aria-label={view.definition.title}>
      <header className="form-print-head">
        <h1>{view.definition.title}</h1>
        <p>
          {view.definition.subtitle}　／　
          {t('print.updated', {
            saved: view.current ? formatDate(view.current.savedAt) : '',
            confirmed: view.current?.confirmedOn ? formatDate(view.current.confirmedOn) : '—',
          })}
        </p>
      </header>
      {/* The wishes first: they decide what a crew does in the first minutes. */}
      <table className="form-print-section">
        <caption>
          {wishes
            ? t('print.wishesTitle', {
                number: wishes.acpNumber,
                date: wishes.discussedOn ? formatDate(wishes.discussedOn) : '',
              })
            : t('print.noWishes')}
        </caption>
        {wishes && (
          <tbody>
            {orderedWishFields.map((field) => (
              <tr key={field.key}>
                <th scope="row" className="form-print-label">
                  {field.label}
                </th>
                <td>{shownValue(field, wishes.values[field.key]) || '—'}</td>
              </tr>
            ))}
          </tbody>
        )}
      </table>
      <FormSheetSections definition={view.definition} values={values} />
    </article>
  );
}

function useQrSvg(text: string): string | null {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }).then(
      (out) => live && setSvg(out),
    );
    return () => {
      live = false;
    };
  }, [text]);
  return svg;
}

/** The card (wallet size) and the two stickers, with cut lines; no name or address on any of them. */
function CardPage({ card }: { card: KitIssued }) {
  const { t } = useTranslation('emergency');
  const svg = useQrSvg(cardUrl(card.token));
  return (
    <section className="kit-cards" aria-label={t('print.cardTitle')}>
      <div className="kit-card">
        <div>
          <p className="kit-card-title">{t('print.cardTitle')}</p>
          <p>{t('print.cardLead')}</p>
          <p className="kit-card-small">{t('print.cardEms')}</p>
          <p className="kit-card-code">
            {t('print.cardCode')}: <strong>{card.code}</strong>
          </p>
        </div>
        {svg && (
          <img
            className="kit-card-qr"
            alt={t('print.cardTitle')}
            src={`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`}
          />
        )}
      </div>
      <div className="kit-sticker">
        <p className="kit-sticker-mark">＋</p>
        <p>{t('print.fridgeSticker')}</p>
      </div>
      <div className="kit-sticker">
        <p className="kit-sticker-mark">＋</p>
        <p>{t('print.doorSticker')}</p>
        <p className="kit-card-small">{t('print.doorNote')}</p>
      </div>
    </section>
  );
}
