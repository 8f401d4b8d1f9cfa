// The admin area, loaded only when an admin opens it (its own chunk).
import { Navigate, Route, Routes } from 'react-router';
import { NotFoundPage } from '../citizen/not-found-page.tsx';
import { RequireRole } from '../components/require-role.tsx';
import { CapturedEmailsPage } from './captured-emails-page.tsx';
import { JobsPage } from './jobs-page.tsx';

const AdminArea = () => (
  <RequireRole roles={['admin']}>
    <Routes>
      <Route index element={<Navigate to="travaux" replace />} />
      <Route path="travaux" element={<JobsPage />} />
      <Route path="courriels" element={<CapturedEmailsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  </RequireRole>
);

export default AdminArea;
