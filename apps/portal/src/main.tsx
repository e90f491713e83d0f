// antd 5 renders its pop-ups through React 19 only with this patch (antd 6 needs none, but
// ProComponents' released line requires antd 5)
import '@ant-design/v5-patch-for-react-19';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './styles.css';

createRoot(document.getElementById('root')!).render(<App />);
