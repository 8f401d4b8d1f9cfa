// The agent area, loaded only when an agent opens it (its own chunk).
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../citizen/not-found-page.tsx';
import { RequireRole } from '../components/require-role.tsx';
import { AgendaPage } from './agenda-page.tsx';
import { AgentAppointmentPage } from './agent-appointment-page.tsx';
import { AgentPersonPage } from './agent-person-page.tsx';
import { AgentVideoPage } from './agent-video-page.tsx';
import { AvailabilityPage } from './availability-page.tsx';
import { SurveyResultsPage } from './survey-results-page.tsx';
import { AgentSearchPage } from './agent-search-page.tsx';

const AgentArea = () => (
  <RequireRole roles={['agent', 'admin']}>
    <Routes>
      <Route index element={<AgentSearchPage />} />
      <Route path="personnes/:id" element={<AgentPersonPage />} />
      <Route path="agenda" element={<AgendaPage />} />
      <Route path="rendez-vous/:id" element={<AgentAppointmentPage />} />
      <Route path="rendez-vous/:id/visio" element={<AgentVideoPage />} />
      <Route path="conseillers/:id/disponibilites" element={<AvailabilityPage />} />
      <Route path="avis" element={<SurveyResultsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  </RequireRole>
);

export default AgentArea;
