// The account page's sections use the shared titled card.
export { Section } from '../../ui/Section';
