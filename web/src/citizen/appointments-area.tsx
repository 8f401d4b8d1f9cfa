// The person's appointments, loaded only when opened (their own chunk): booking, the list, one
// appointment, moving it, its video room.
import { Route, Routes } from 'react-router';
import { RequireRole } from '../components/require-role.tsx';
import { BookAppointmentPage } from './book-appointment-page.tsx';
import { MyAppointmentPage } from './my-appointment-page.tsx';
import { MyAppointmentsPage } from './my-appointments-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { RescheduleAppointmentPage } from './reschedule-appointment-page.tsx';
import { VideoRoomPage } from './video-room-page.tsx';

/** Mounted at `/prendre-rendez-vous` and `/mes-rendez-vous/*`. */
const AppointmentsArea = ({ booking = false }: { booking?: boolean }) => (
  <RequireRole roles={['citizen']}>
    {booking ? (
      <BookAppointmentPage />
    ) : (
      <Routes>
        <Route index element={<MyAppointmentsPage />} />
        <Route path=":id" element={<MyAppointmentPage />} />
        <Route path=":id/deplacer" element={<RescheduleAppointmentPage />} />
        <Route path=":id/visio" element={<VideoRoomPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    )}
  </RequireRole>
);

export default AppointmentsArea;
