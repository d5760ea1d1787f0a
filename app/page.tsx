import { Ide } from '@/components/ide/ide';

export default function HomePage() {
  return <Ide />;
}
