/**
 * A progress line for long commands: rewritten in place on a terminal, one line per update otherwise
 * (CI logs), always on stderr so stdout stays the command's result.
 */
export function progressLine(label: string, total?: number) {
  const tty = process.stderr.isTTY;
  let shown = false;
  const fmt = (n: number) => n.toLocaleString('en-US');
  return {
    update(done: number, of = total) {
      const text = `${label} ${fmt(done)}${of ? ` / ${fmt(of)} (${Math.floor((done / of) * 100)} %)` : ''}`;
      process.stderr.write(tty ? `\r${text}` : `${text}\n`);
      shown = true;
    },
    done() {
      if (shown && tty) process.stderr.write('\n');
    },
  };
}
