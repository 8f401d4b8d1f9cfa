// The header's count of unread notifications for a citizen: read on each page change and updated
// at once when the notifications page marks some read.
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { notificationsApi, UNREAD_CHANGED_EVENT } from '../notifications-api.ts';

export const useUnreadNotifications = (isCitizen: boolean) => {
  const [count, setCount] = useState(0);
  const { pathname } = useLocation();
  useEffect(() => {
    if (!isCitizen) return;
    const controller = new AbortController();
    notificationsApi.unreadCount(controller.signal).then(
      ({ unreadCount }) => setCount(unreadCount),
      // The badge is a convenience: the page itself says when the server cannot be reached.
      () => undefined,
    );
    return () => controller.abort();
  }, [isCitizen, pathname]);
  useEffect(() => {
    const update = (event: Event) => setCount((event as CustomEvent<number>).detail);
    window.addEventListener(UNREAD_CHANGED_EVENT, update);
    return () => window.removeEventListener(UNREAD_CHANGED_EVENT, update);
  }, []);
  return isCitizen ? count : 0;
};
