/**
 * Colour props for Ink's <Text>, or none at all. With colour off the components render the same
 * tree without colour props (rather than stripping codes afterwards), so NO_COLOR output holds
 * no escape codes by construction.
 */
import type { ChangeAction } from '../../plan/types.js';

export interface Tint {
  color?: string;
  dimColor?: boolean;
}

export type TintName = 'green' | 'red' | 'yellow' | 'magenta' | 'cyan' | 'gray';

export function tint(enabled: boolean, color: TintName): Tint {
  return enabled ? { color } : {};
}

export function dim(enabled: boolean): Tint {
  return enabled ? { dimColor: true } : {};
}

const ACTION_TINTS: Record<ChangeAction, TintName> = {
  create: 'green',
  update: 'yellow',
  replace: 'magenta',
  delete: 'red',
  noop: 'gray',
};

export function actionTint(enabled: boolean, action: ChangeAction): Tint {
  return tint(enabled, ACTION_TINTS[action]);
}
