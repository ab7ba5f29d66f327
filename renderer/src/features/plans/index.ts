/** What other features place in their views (the incident detail shows these two). */
export { ActivatePlanButton } from './ActivatePlanButton';
export { ChecklistPanel } from './ChecklistPanel';
export { PlansPage } from './PlansPage';
export { levelLabel } from './format';
