import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';
import { mountApp } from '@/components/mount';

mountApp(<SidePanelApp />);
