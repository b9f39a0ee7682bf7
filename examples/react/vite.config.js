// The app's own configuration (JSX); chpass needs none.
import react from '@vitejs/plugin-react';

export default { plugins: [react()] };
