import { Link } from 'react-router-dom';
import { usePageTitle } from '../components/usePageTitle';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <section className="page empty-state">
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <Link className="button" to="/">Back to the overview</Link>
    </section>
  );
}
