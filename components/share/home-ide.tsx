'use client';
// The main page's IDE with the Share button in its toolbar (toolbarExtras must be a function,
// which a server component cannot pass, hence this small client wrapper).
import { Ide, type IdeProps } from '@/components/ide/ide';
import { ShareButton } from './share-button';

export function HomeIde(props: Omit<IdeProps, 'toolbarExtras'>) {
  return <Ide {...props} toolbarExtras={(state) => <ShareButton state={state} />} />;
}
