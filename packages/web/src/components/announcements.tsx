import { useEffect, useState } from 'react';
import { onAnnouncement } from '../lib/announcer.js';

/** The toast and aria-live region every announcement goes through. */
export function Announcements() {
  const [message, setMessage] = useState('');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = onAnnouncement((text) => {
      setMessage(text);
      clearTimeout(timer);
      timer = setTimeout(() => setMessage(''), 3000);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, []);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {message && <div className="toast">{message}</div>}
    </div>
  );
}
