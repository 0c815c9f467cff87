// GET /api/directory/export: a search's results as CSV in a 自治体標準オープンデータセット layout.
// Public, like the search itself; rate-limited per address since one call reads up to 10,000 rows.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DIRECTORY_EXPORT_MAX_ROWS, directoryExportQuery } from '../../../shared/schemas/directory';
import { access } from '../../platform/access';
import { readCitySettings } from '../settings/city-settings';
import { contentDisposition, exportFileName, startCsvExport } from './export-csv';

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/directory/export',
    {
      schema: {
        tags: ['directory'],
        summary:
          'Search results as CSV (医療機関一覧 or 介護サービス事業所一覧), UTF-8 with BOM or Shift_JIS',
        description: `The search's own parameters (cursor and limit are ignored) plus layout and encoding. At most ${DIRECTORY_EXPORT_MAX_ROWS} matches are read; 医療機関一覧 holds the medical kinds among them, 介護サービス事業所一覧 the others.`,
        querystring: directoryExportQuery,
      },
      config: { access: access.public(), rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const query = request.query;
      const stream = await startCsvExport(query, {
        db: app.db,
        index: app.directoryIndex,
        staleAfterDays: app.config.directoryStaleDays,
      });
      const { municipalityCode } = await readCitySettings(app.db);
      const charset = query.encoding === 'shift_jis' ? 'Shift_JIS' : 'UTF-8';
      return reply
        .header('content-type', `text/csv; charset=${charset}`)
        .header('content-disposition', contentDisposition(exportFileName(municipalityCode, query.layout)))
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );
};
