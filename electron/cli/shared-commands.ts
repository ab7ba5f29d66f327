import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { connectSeat, DB_FILE_NAME, describeUrl, hostLanguage, migrateToShared } from '../core/open-core';
import { CliFailure, UsageError } from './failure';

const zh = () => hostLanguage() === 'zh-CN';

/** `duty-room connect --url postgres://… [--data DIR]`: test, then remember the shared database in seat.json. */
export async function connectCommand(dataDir: string, url: string | undefined): Promise<void> {
  if (!url) throw new UsageError('connect needs --url postgres://user@host:port/database');
  const c = await connectSeat(dataDir, url);
  const where = `${c.user || '?'}@${c.host}:${c.port}/${c.database}`;
  console.log(
    zh()
      ? `连接正常：${where}（PostgreSQL ${c.serverVersion}，结构版本 ${c.schemaVersion}）`
      : `connected: ${where} (PostgreSQL ${c.serverVersion}, schema ${c.schemaVersion})`,
  );
  console.log(
    zh()
      ? `已写入 ${join(dataDir, 'seat.json')}：本席位今后使用共享数据库。正在运行的值守台需重新启动才会切换。`
      : `${join(dataDir, 'seat.json')} written: this seat now uses the shared database. Restart a running app for it to switch.`,
  );
  if (existsSync(join(dataDir, DB_FILE_NAME)))
    console.log(
      zh()
        ? `注意：本机原有的记录（${DB_FILE_NAME}）保留不动，但不再使用；要把它迁入共享数据库，请用 duty-room migrate-to。`
        : `note: the local record (${DB_FILE_NAME}) stays where it is but is no longer used; move it with duty-room migrate-to.`,
    );
}

/** `duty-room migrate-to --url postgres://… [--data DIR]`: the single-seat record into an empty shared database. */
export async function migrateToCommand(dataDir: string, url: string | undefined): Promise<void> {
  if (!url) throw new UsageError('migrate-to needs --url postgres://user@host:port/database');
  if (!existsSync(join(dataDir, DB_FILE_NAME)))
    throw new CliFailure(
      zh()
        ? `${dataDir} 中没有本机单席位的记录（${DB_FILE_NAME}）`
        : `no single-seat record (${DB_FILE_NAME}) in ${dataDir}`,
    );
  const r = await migrateToShared(dataDir, url, (table, rows) => {
    if (rows > 0) console.log(`  ${table}: ${rows}`);
  });
  const head = r.verify.head;
  console.log(
    zh()
      ? `已迁入 ${describeUrl(url)}：审计链校验通过，${r.verify.entries} 条，链头 #${head?.id ?? 0} ${head?.hash.slice(0, 12) ?? ''}`
      : `moved to ${describeUrl(url)}: verify ok, ${r.verify.entries} entries, head #${head?.id ?? 0} ${head?.hash.slice(0, 12) ?? ''}`,
  );
  console.log(
    zh()
      ? `本席位仍使用本机文件；切换请运行：duty-room connect --url … --data "${dataDir}"`
      : `this seat still uses the local file; to switch: duty-room connect --url … --data "${dataDir}"`,
  );
}
