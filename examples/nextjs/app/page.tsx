/** `/` → the admin page. */
import { redirect } from 'next/navigation';

export default function Home(): never {
  redirect('/admin');
}
