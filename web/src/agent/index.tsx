// The agent area, loaded only when an agent opens it (its own chunk).
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../citizen/not-found-page.tsx';
import { RequireRole } from '../components/require-role.tsx';
import { AgentPersonPage } from './agent-person-page.tsx';
import { AgentSearchPage } from './agent-search-page.tsx';

const AgentArea = () => (
  <RequireRole roles={['agent', 'admin']}>
    <Routes>
      <Route index element={<AgentSearchPage />} />
      <Route path="personnes/:id" element={<AgentPersonPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  </RequireRole>
);

export default AgentArea;
