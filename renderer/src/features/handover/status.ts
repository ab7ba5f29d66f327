import type { HandoverStatus } from '@contract';

export const STATUS_COLOR: Record<HandoverStatus, string> = {
  draft: 'gray',
  outgoing_signed: 'yellow',
  signed: 'orange',
  reviewed: 'green',
};
