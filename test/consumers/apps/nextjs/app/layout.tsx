import type { ReactNode } from 'react';
import 'rocketchat-omnichannel-ui/styles.css';

export const metadata = { title: 'Next.js consumer' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
