import { HomeIde } from '@/components/share/home-ide';

export default function HomePage() {
  return <HomeIde />; // its document title: components/share/program-ide.tsx
}
