import { HomeIde } from '@/components/share/home-ide';

export default function HomePage() {
  return <HomeIde />;
}
