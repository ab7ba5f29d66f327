/**
 * A rotation order that puts `todayPerson` on today's slot: the generator hands out slots in order from
 * the first of the month (one per role per shift), so the order is turned until today's turn is theirs.
 */
export function rotationStartingToday(
  order: number[],
  todayPerson: number | null,
  dayOfMonth: number,
  shiftsPerDay: number,
) {
  const n = order.length;
  const at = order.indexOf(todayPerson ?? -1);
  if (n === 0 || at < 0) return order;
  const turn = ((dayOfMonth - 1) * shiftsPerDay) % n;
  // order'[turn] must be order[at]: order'[k] = order[(k - turn + at) mod n].
  return order.map((_, k) => order[(((k - turn + at) % n) + n) % n]!);
}
